// The demo partnership: its data, the seeder and `npm run seed:demo`.
export { DEMO_ACCOUNTS, DEMO_CITIES, DEMO_PARTNERSHIP } from './demo-partnership';
export { DemoModule } from './demo.module';
export { DemoSeeder } from './demo.seeder';
export type { DemoSeedResult } from './demo.seeder';
export { DemoService } from './demo.service';
export type { DemoDescription } from './demo.service';
