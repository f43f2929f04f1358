import type { Actor } from '@caseflow/auth';
import { badInput, uuid } from '@caseflow/core';
import type { EditScope } from '../directory-edit/edit-scope';
import { OwnedEntryEdits } from '../directory-edit/owned-entries';
import type { DirectoryOwnerInput } from '../directory-edit/owner.inputs';
import { OWNER_COLUMNS, ownerOf } from '../directory-edit/owner.rules';
import { PhoneEntity } from './phone.entity';
import type { PhoneInput } from './phone.inputs';
import { toPhone } from './phone.mapper';
import { phoneColumns } from './phone.rules';
import { languagesOfPhone } from './phone.sql';
import type { Phone } from './phone.type';

/** Phones of an organization's entries, for partners (their own) and admins. */
export class PhoneCommands {
  private readonly edits: OwnedEntryEdits;

  constructor(private readonly scope: EditScope) {
    this.edits = new OwnedEntryEdits(scope, { table: 'phone', entityType: 'Phone' });
  }

  async add(actor: Actor, owner: DirectoryOwnerInput, input: PhoneInput): Promise<Phone> {
    this.scope.assertEditorRole(actor, 'Phone');
    const target = ownerOf(owner, ['organizationId', 'serviceId', 'locationId', 'serviceAtLocationId']);
    const values = { [OWNER_COLUMNS[target.field].column]: target.id, ...phoneColumns(input) };
    const id = await this.edits.add(actor, target, values);
    return toPhone(await this.scope.dataSource.getRepository(PhoneEntity).findOneByOrFail({ id }));
  }

  async update(actor: Actor, id: string, input: PhoneInput): Promise<Phone> {
    this.scope.assertEditorRole(actor, 'Phone');
    const phoneId = uuid('id', id);
    await this.edits.update(actor, phoneId, phoneColumns(input));
    return toPhone(await this.scope.dataSource.getRepository(PhoneEntity).findOneByOrFail({ id: phoneId }));
  }

  async remove(actor: Actor, id: string): Promise<string> {
    this.scope.assertEditorRole(actor, 'Phone');
    return this.edits.remove(actor, uuid('id', id), async (tx, phoneId) => {
      if ((await languagesOfPhone(tx, phoneId)) > 0) throw badInput('id', 'has languages listed for it; an admin removes them first');
    });
  }
}
