import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [IdentityModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
