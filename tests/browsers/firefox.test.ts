// The key journeys in Firefox ESR (Gecko), through puppeteer-core over WebDriver BiDi.
import { firefox, firefoxMissing } from './driver.ts';
import { journeys } from './journeys.ts';

journeys('Firefox', firefoxMissing(), firefox);
