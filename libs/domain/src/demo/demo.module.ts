import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { DemoSeeder } from './demo.seeder';
import { InstanceService } from './instance.service';

@Module({
  imports: [IdentityModule],
  providers: [DemoSeeder, InstanceService],
  exports: [DemoSeeder, InstanceService],
})
export class DemoModule {}
