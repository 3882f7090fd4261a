import { randomUUID } from 'node:crypto';
import { startDomain, type DomainHarness } from '@majlis/testing';
import { auditHash, GENESIS_HASH } from './audit-hash';
import { AuditService } from './audit.service';

describe('AuditService', () => {
  let domain: DomainHarness;
  let audit: AuditService;

  beforeAll(async () => {
    domain = await startDomain({ seedDemo: false });
    audit = domain.get(AuditService);
  });

  afterAll(() => domain?.close());

  const append = (entityId: string, action = 'noted') =>
    domain.unitOfWork.run((tx) =>
      audit.append(tx, { entityType: 'proposal', entityId, action, actorId: null, payload: { n: 1 } }),
    );

  describe('append', () => {
    it('links each row to the one before it, numbered 1, 2, 3… from the genesis hash', async () => {
      const id = randomUUID();
      const first = await append(id);
      const second = await append(id);
      expect(first.seq).toBe('1');
      expect(first.previousHash).toBe(GENESIS_HASH);
      expect(second).toMatchObject({ seq: '2', previousHash: first.hash });
      expect(second.hash).toBe(auditHash(second));
    });

    it('keeps the chain whole when many transactions append at once', async () => {
      const id = randomUUID();
      await Promise.all(Array.from({ length: 12 }, (_, i) => append(id, `concurrent ${i}`)));
      expect(await audit.verify()).toEqual({ ok: true, entries: expect.any(Number) });
    });

    it('appends nothing when the transaction it is part of rolls back', async () => {
      const id = randomUUID();
      await expect(
        domain.unitOfWork.run(async (tx) => {
          await audit.append(tx, { entityType: 'proposal', entityId: id, action: 'x', actorId: null, payload: {} });
          throw new Error('the change itself failed');
        }),
      ).rejects.toThrow('the change itself failed');
      expect(await audit.trail({ roles: ['SECRETARIAT'] }, 'proposal', id)).toEqual([]);
    });
  });

  describe('trail', () => {
    it("gives one entity's rows oldest first to the secretariat, administrators and the board", async () => {
      const id = randomUUID();
      await append(id, 'first');
      await append(id, 'second');
      for (const role of ['SECRETARIAT', 'ADMIN', 'BOARD_MEMBER'])
        expect((await audit.trail({ roles: [role] }, 'proposal', id)).map((row) => row.action)).toEqual([
          'first',
          'second',
        ]);
    });

    it('refuses a delegate, and a ballot’s trail to all but the secretariat', async () => {
      const id = randomUUID();
      await expect(audit.trail({ roles: ['DELEGATE'] }, 'proposal', id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(audit.trail({ roles: ['BOARD_MEMBER'] }, 'ballot', id)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await audit.trail({ roles: ['SECRETARIAT'] }, 'ballot', id)).toEqual([]);
    });

    it('answers an id that is no UUID with no rows, without asking the database', async () => {
      expect(await audit.trail({ roles: ['SECRETARIAT'] }, 'proposal', "1' OR '1'='1")).toEqual([]);
    });
  });

  describe('verify', () => {
    it('refuses to change a row: the table is append-only', async () => {
      await append(randomUUID());
      await expect(domain.query(`UPDATE audit_entry SET action = 'forged' WHERE seq = 1`)).rejects.toThrow(
        /append-only/,
      );
    });

    it('names the first row whose content or link was changed behind the database’s back', async () => {
      await append(randomUUID());
      const tamper = async (sql: string) => {
        await domain.query('ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only');
        await domain.query(sql);
        await domain.query('ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only');
      };
      await tamper(`UPDATE audit_entry SET payload = '{"n": 2}' WHERE seq = 2`);
      expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: '2', reason: 'hash' });
      await tamper(`UPDATE audit_entry SET payload = '{"n": 1}' WHERE seq = 2`);
      expect(await audit.verify()).toMatchObject({ ok: true });
      await tamper(`DELETE FROM audit_entry WHERE seq = 3`);
      expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: '3', reason: 'gap' });
    });
  });
});
