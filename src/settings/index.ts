export { defaultDensity, densities, densityItem, parseDensity, type Density } from './density.ts';
