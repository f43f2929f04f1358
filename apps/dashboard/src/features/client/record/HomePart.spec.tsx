import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ClientHomeQuery } from '../../../graphql/generated';
import { addDays, todayInZone } from '../../../lib/zone';
import { seriousViolations } from '../../../testing/axe';
import { CLIENT_ID, profile } from '../../../testing/fixtures';
import { fakeGateway, renderApp } from '../../../testing/harness';

const ZONE = 'America/Halifax';
const PATH = `/clients/${CLIENT_ID}?tab=home`;

function home(patch: Partial<NonNullable<ClientHomeQuery['client']>> = {}): ClientHomeQuery {
  return {
    client: {
      id: CLIENT_ID,
      displayName: 'Dana Fontaine',
      address: {
        line1: 'Harbour Shelter, 5 Pier Rd',
        line2: null,
        city: 'Halifax',
        region: 'NS',
        postalCode: null,
        country: 'CA',
        latitude: null,
        longitude: null,
        noFixedAddress: true,
      },
      household: [{ id: 'm1', firstName: 'Mia', lastName: 'Fontaine', relationship: 'CHILD', dateOfBirth: '2018-03-02', dependent: true }],
      demographics: null,
      ...patch,
    },
  };
}

function field(group: HTMLElement, name: RegExp): HTMLInputElement {
  return within(group).getByLabelText(name) as HTMLInputElement;
}

describe('home and household in the client file', () => {
  it('shows the address (no fixed address), the household and what is not recorded yet', async () => {
    const gateway = fakeGateway({ ClientProfile: () => ({ data: profile() }), ClientHome: () => ({ data: home() }) });
    const { container } = renderApp({ path: PATH, as: 'casey', gateway });
    expect(await screen.findByText('No fixed address. Where to reach the client:')).toBeTruthy();
    expect(screen.getByText('Harbour Shelter, 5 Pier Rd, Halifax, NS, CA')).toBeTruthy();
    const row = screen.getByRole('rowheader', { name: 'Mia Fontaine' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Child')).toBeTruthy();
    expect(within(row).getByText('Yes')).toBeTruthy();
    expect(screen.getByText(/Nothing recorded yet/)).toBeTruthy();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('edits the household as one list: checks first, keeps known ids, puts the server’s error beside its member', async () => {
    const today = todayInZone(ZONE);
    let saved = 0;
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientHome: () => ({ data: home() }),
      SetHousehold: (v) => {
        saved += 1;
        const members = v.members as Array<{ firstName: string }>;
        if (saved === 1)
          return {
            errors: [
              {
                message: 'members[1].dateOfBirth must not be before the client’s file opened',
                extensions: { code: 'BAD_USER_INPUT', field: 'members[1].dateOfBirth' },
              },
            ],
          };
        return { data: { setHousehold: { id: CLIENT_ID, household: members.map((m, i) => ({ ...m, id: `m${i + 1}` })) } } };
      },
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit the household' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add a household member' }));
    const added = screen.getByRole('group', { name: 'New household member 2' });
    fireEvent.change(field(added, /^Date of birth/), { target: { value: today } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the household' }));
    expect(await within(added).findByText('The first name is required.')).toBeTruthy();
    expect(within(added).getByText('Choose the relationship.')).toBeTruthy();
    expect(within(added).getByText('The date of birth must be in the past.')).toBeTruthy();
    expect(gateway.called('SetHousehold')).toHaveLength(0);

    fireEvent.change(field(added, /^First name/), { target: { value: 'Luis' } });
    fireEvent.change(field(added, /^Relationship/), { target: { value: 'PARTNER' } });
    fireEvent.change(field(added, /^Date of birth/), { target: { value: addDays(today, -12000) } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the household' }));
    expect(await within(added).findByText('Must not be before the client’s file opened.')).toBeTruthy();
    expect(field(added, /^Date of birth/).getAttribute('aria-invalid')).toBe('true');
    expect(gateway.called('SetHousehold')[0].variables.members).toEqual([
      { id: 'm1', firstName: 'Mia', lastName: 'Fontaine', relationship: 'CHILD', dateOfBirth: '2018-03-02', dependent: true },
      { firstName: 'Luis', lastName: null, relationship: 'PARTNER', dateOfBirth: addDays(today, -12000), dependent: false },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Remove Mia from the household' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save the household' }));
    await waitFor(() => expect(gateway.called('SetHousehold')).toHaveLength(2));
    expect(gateway.called('SetHousehold')[1].variables).toEqual({
      clientId: CLIENT_ID,
      members: [{ firstName: 'Luis', lastName: null, relationship: 'PARTNER', dateOfBirth: addDays(today, -12000), dependent: false }],
    });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save the household' })).toBeNull());
  });

  it('sets the address with no fixed address, and languages as tags in canonical form', async () => {
    const gateway = fakeGateway({
      ClientProfile: () => ({ data: profile() }),
      ClientHome: () => ({ data: home({ address: null }) }),
      SetClientAddress: (v) => ({ data: { setClientAddress: { id: CLIENT_ID, address: v.address } } }),
      SetDemographics: (v) => ({ data: { setDemographics: { id: CLIENT_ID, demographics: v.input } } }),
    });
    renderApp({ path: PATH, as: 'casey', gateway });
    fireEvent.click(await screen.findByRole('button', { name: 'Add the address' }));
    const address = screen.getByRole('form', { name: 'Address' });
    fireEvent.click(within(address).getByLabelText('No fixed address'));
    fireEvent.change(within(address).getByLabelText(/^Where to reach the client/), { target: { value: 'Drop-in centre, 2 Main St' } });
    fireEvent.change(within(address).getByLabelText(/^City/), { target: { value: 'Halifax' } });
    fireEvent.change(within(address).getByLabelText(/^Latitude/), { target: { value: '44.64' } });
    fireEvent.click(within(address).getByRole('button', { name: 'Save the address' }));
    expect(await within(address).findByText('Give both the latitude and the longitude, or neither.')).toBeTruthy();
    fireEvent.change(within(address).getByLabelText(/^Latitude/), { target: { value: '' } });
    fireEvent.click(within(address).getByRole('button', { name: 'Save the address' }));
    await waitFor(() => expect(gateway.called('SetClientAddress')).toHaveLength(1));
    expect(gateway.called('SetClientAddress')[0].variables.address).toMatchObject({
      line1: 'Drop-in centre, 2 Main St',
      city: 'Halifax',
      country: 'CA',
      latitude: null,
      noFixedAddress: true,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Edit what the client told us' }));
    const about = screen.getByRole('form', { name: 'About the client' });
    const tag = within(about).getByLabelText(/^Add a language/);
    fireEvent.change(tag, { target: { value: 'not a tag' } });
    fireEvent.click(within(about).getByRole('button', { name: 'Add' }));
    expect(within(about).getByText('“not a tag” is not a language tag; use tags like fr, en-CA or ar.')).toBeTruthy();
    for (const t of ['fr', 'EN-ca']) {
      fireEvent.change(tag, { target: { value: t } });
      fireEvent.keyDown(tag, { key: 'Enter' });
    }
    fireEvent.click(within(about).getByRole('button', { name: /^Move up .*en-CA/ }));
    fireEvent.change(within(about).getByLabelText(/^Pronouns/), { target: { value: 'she/her' } });
    fireEvent.click(within(about).getByLabelText('Needs an interpreter'));
    fireEvent.click(within(about).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(gateway.called('SetDemographics')).toHaveLength(1));
    expect(gateway.called('SetDemographics')[0].variables.input).toEqual({
      genderIdentity: null,
      pronouns: 'she/her',
      languages: ['en-CA', 'fr'],
      interpreterNeeded: true,
      education: null,
    });
  });
});
