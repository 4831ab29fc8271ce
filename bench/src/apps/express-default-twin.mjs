// A second, identical Express default server: the A/A control that shows the run's noise floor.
export { start } from './express-default.mjs';
