import type { StoredData } from '../../../platform/domain/stored-data';

export const COFFEE_STORED_DATA: StoredData = {
  stored: [
    {
      record: 'storedData.coffee.virtualCoffeeProgramme.record',
      fields: [
        {
          field: 'storedData.coffee.virtualCoffeeProgramme.rhythmHowOften.field',
          why: 'storedData.coffee.virtualCoffeeProgramme.rhythmHowOften.why',
          visibleTo: 'storedData.coffee.virtualCoffeeProgramme.rhythmHowOften.visibleTo',
          kept: 'storedData.coffee.virtualCoffeeProgramme.rhythmHowOften.kept',
        },
        {
          field: 'storedData.coffee.virtualCoffeeProgramme.takesPartEntra.field',
          why: 'storedData.coffee.virtualCoffeeProgramme.takesPartEntra.why',
          visibleTo: 'storedData.coffee.virtualCoffeeProgramme.takesPartEntra.visibleTo',
          kept: 'storedData.coffee.virtualCoffeeProgramme.takesPartEntra.kept',
        },
        {
          field: 'storedData.coffee.virtualCoffeeProgramme.membersDontPair.field',
          why: 'storedData.coffee.virtualCoffeeProgramme.membersDontPair.why',
          visibleTo: 'storedData.coffee.virtualCoffeeProgramme.membersDontPair.visibleTo',
          kept: 'storedData.coffee.virtualCoffeeProgramme.membersDontPair.kept',
        },
      ],
    },
    {
      record: 'storedData.coffee.virtualCoffeeRound.record',
      fields: [
        {
          field: 'storedData.coffee.virtualCoffeeRound.wasGroupedWhom.field',
          why: 'storedData.coffee.virtualCoffeeRound.wasGroupedWhom.why',
          visibleTo: 'storedData.coffee.virtualCoffeeRound.wasGroupedWhom.visibleTo',
          kept: 'storedData.coffee.virtualCoffeeRound.wasGroupedWhom.kept',
        },
        {
          field: 'storedData.coffee.virtualCoffeeRound.membersWeMet.field',
          why: 'storedData.coffee.virtualCoffeeRound.membersWeMet.why',
          visibleTo: 'storedData.coffee.virtualCoffeeRound.membersWeMet.visibleTo',
          kept: 'storedData.coffee.virtualCoffeeRound.membersWeMet.kept',
        },
      ],
    },
    {
      record: 'storedData.coffee.timeZoneWorking.record',
      fields: [
        {
          field: 'storedData.coffee.timeZoneWorking.ianaTimeZone.field',
          why: 'storedData.coffee.timeZoneWorking.ianaTimeZone.why',
          visibleTo: 'storedData.coffee.timeZoneWorking.ianaTimeZone.visibleTo',
          kept: 'storedData.coffee.timeZoneWorking.ianaTimeZone.kept',
        },
      ],
    },
  ],
  notStored: [
    'storedData.coffee.notStored.coffeePartnersTalk',
    'storedData.coffee.notStored.answeredWeMet',
  ],
};
