// selenium-webdriver ships no types (and @types/selenium-webdriver is not installed): the little driver.ts uses.
declare module 'selenium-webdriver' {
  export interface WebElement {
    click(): Promise<void>;
    sendKeys(...keys: string[]): Promise<void>;
    getText(): Promise<string>;
  }
  export interface WebDriver {
    get(url: string): Promise<void>;
    getCurrentUrl(): Promise<string>;
    executeScript(script: string, ...args: unknown[]): Promise<unknown>;
    findElement(locator: unknown): WebElement;
    manage(): {
      window(): { setRect(r: { width: number; height: number }): Promise<void> };
      setTimeouts(t: { script?: number; pageLoad?: number }): Promise<void>;
    };
    quit(): Promise<void>;
  }
  export class Builder {
    usingServer(url: string): this;
    withCapabilities(caps: object): this;
    build(): Promise<WebDriver>;
  }
  export const By: { css(selector: string): unknown };
}
