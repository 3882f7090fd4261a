import { Module } from '@nestjs/common';
import { IdentityModule } from '@majlis/domain';
import { DemoSeeder } from './demo.seeder';
import { DemoService } from './demo.service';

@Module({
  imports: [IdentityModule],
  providers: [DemoSeeder, DemoService],
  exports: [DemoSeeder, DemoService],
})
export class DemoModule {}
