import { Module } from '@nestjs/common';
import { IdentityModule } from '@majlis/domain';
import { DemoRepository } from './demo.repository';
import { DemoSeeder } from './demo.seeder';
import { DemoService } from './demo.service';

@Module({
  imports: [IdentityModule],
  providers: [DemoSeeder, DemoService, DemoRepository],
  exports: [DemoSeeder, DemoService],
})
export class DemoModule {}
