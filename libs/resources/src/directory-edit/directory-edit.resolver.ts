import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { ResourcesContext } from '../context';
import { Location } from '../location/location.type';
import { Phone } from '../phone/phone.type';
import { Schedule } from '../schedule/schedule.type';
import { ServiceAtLocation } from '../service-at-location/service-at-location.type';
import { Service } from '../service/service.type';
import { CreateLocationInput, UpdateLocationInput } from '../location/location.inputs';
import { PhoneInput } from '../phone/phone.inputs';
import { ScheduleInput } from '../schedule/schedule.inputs';
import { CreateServiceAtLocationInput, UpdateServiceAtLocationInput } from '../service-at-location/service-at-location.inputs';
import { CreateServiceInput, UpdateServiceInput } from '../service/service.inputs';
import { DirectoryOwnerInput } from './owner.inputs';

/**
 * Directory edits by partner agencies (their own organization's entries) and
 * admins; each change is written to HSDS metadata. Thin: each mutation hands
 * its arguments to its aggregate's commands. One resolver for all of them
 * because type-graphql lists a subgraph's mutations in the order their
 * resolvers are loaded, and this order is the published schema's.
 */
@Resolver()
export class DirectoryEditResolver {
  @Mutation(() => Service)
  createService(@Arg('input', () => CreateServiceInput) input: CreateServiceInput, @Ctx() ctx: ResourcesContext): Promise<Service> {
    return ctx.serviceCommands.create(ctx.actor, input);
  }

  @Mutation(() => Service)
  updateService(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceInput) input: UpdateServiceInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<Service> {
    return ctx.serviceCommands.update(ctx.actor, id, input);
  }

  @Mutation(() => Service, { description: "HSDS status: 'active', 'inactive', 'defunct' or 'temporarily closed'." })
  setServiceStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => String) status: string,
    @Ctx() ctx: ResourcesContext,
  ): Promise<Service> {
    return ctx.serviceCommands.setStatus(ctx.actor, id, status);
  }

  @Mutation(() => Location)
  createLocation(@Arg('input', () => CreateLocationInput) input: CreateLocationInput, @Ctx() ctx: ResourcesContext): Promise<Location> {
    return ctx.locationCommands.create(ctx.actor, input);
  }

  @Mutation(() => Location)
  updateLocation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateLocationInput) input: UpdateLocationInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<Location> {
    return ctx.locationCommands.update(ctx.actor, id, input);
  }

  @Mutation(() => ServiceAtLocation)
  createServiceAtLocation(
    @Arg('input', () => CreateServiceAtLocationInput) input: CreateServiceAtLocationInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<ServiceAtLocation> {
    return ctx.serviceAtLocationCommands.create(ctx.actor, input);
  }

  @Mutation(() => ServiceAtLocation)
  updateServiceAtLocation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateServiceAtLocationInput) input: UpdateServiceAtLocationInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<ServiceAtLocation> {
    return ctx.serviceAtLocationCommands.update(ctx.actor, id, input);
  }

  @Mutation(() => Phone)
  addPhone(
    @Arg('owner', () => DirectoryOwnerInput) owner: DirectoryOwnerInput,
    @Arg('input', () => PhoneInput) input: PhoneInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<Phone> {
    return ctx.phoneCommands.add(ctx.actor, owner, input);
  }

  @Mutation(() => Phone)
  updatePhone(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PhoneInput) input: PhoneInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<Phone> {
    return ctx.phoneCommands.update(ctx.actor, id, input);
  }

  @Mutation(() => ID, { description: 'Removes the phone; answers its id.' })
  removePhone(@Arg('id', () => ID) id: string, @Ctx() ctx: ResourcesContext): Promise<string> {
    return ctx.phoneCommands.remove(ctx.actor, id);
  }

  @Mutation(() => Schedule)
  addSchedule(
    @Arg('owner', () => DirectoryOwnerInput) owner: DirectoryOwnerInput,
    @Arg('input', () => ScheduleInput) input: ScheduleInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<Schedule> {
    return ctx.scheduleCommands.add(ctx.actor, owner, input);
  }

  @Mutation(() => Schedule, { description: "Replaces the schedule's rule, hours and dates with the input." })
  updateSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => ScheduleInput) input: ScheduleInput,
    @Ctx() ctx: ResourcesContext,
  ): Promise<Schedule> {
    return ctx.scheduleCommands.update(ctx.actor, id, input);
  }

  @Mutation(() => ID, { description: 'Removes the schedule; answers its id.' })
  removeSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: ResourcesContext): Promise<string> {
    return ctx.scheduleCommands.remove(ctx.actor, id);
  }
}
