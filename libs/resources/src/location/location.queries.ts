import { type Actor, isUuid } from '@caseflow/auth';
import { mayReadDirectory } from '../access/directory.policy';
import type { ResourcesLoaders } from '../loaders';
import { toPhone } from '../phone/phone.mapper';
import type { Phone } from '../phone/phone.type';
import { toSchedule } from '../schedule/schedule.mapper';
import type { Schedule } from '../schedule/schedule.type';
import type { Address, Location } from './location.type';
import { toLocation, toAddress } from './location.mapper';

/** Location reads: by reference only (the API has no location query), and the lists under a location. */
export class LocationQueries {
  constructor(private readonly loaders: ResourcesLoaders) {}

  /** For `__resolveReference` and `ServiceAtLocation.location`: batched; unknown ids resolve to null. */
  async reference(actor: Actor, id: string): Promise<Location | null> {
    if (!mayReadDirectory(actor) || !isUuid(id)) return null;
    const entity = await this.loaders.location.load(id);
    return entity ? toLocation(entity) : null;
  }

  async addresses(locationId: string): Promise<Address[]> {
    return (await this.loaders.addressesOfLocation.load(locationId)).map(toAddress);
  }

  async phones(locationId: string): Promise<Phone[]> {
    return (await this.loaders.phonesOf.location.load(locationId)).map(toPhone);
  }

  async schedules(locationId: string): Promise<Schedule[]> {
    return (await this.loaders.schedulesOf.location.load(locationId)).map(toSchedule);
  }
}
