// The key journeys in WebKitGTK (the engine Safari shares), through WebKitWebDriver and MiniBrowser under Xvfb.
import { webkit, webkitMissing } from './driver.ts';
import { journeys } from './journeys.ts';

journeys('WebKit', webkitMissing(), webkit);
