import type { DataSource } from 'typeorm';
import { Character } from '../../src/character/character.entity';
import { searchTextOf, slugify, sortKeyOf } from '../../src/lib/text';
import { Company } from '../../src/company/company.entity';
import { CompanyKind } from '../../src/company/company.enums';
import { AttachmentEvent } from '../../src/credit/attachment-event.entity';
import { Credit, creditIdentityKey } from '../../src/credit/credit.entity';
import { AttachmentStatus, CreditRole } from '../../src/credit/credit.enums';
import { Film } from '../../src/film/film.entity';
import { FranchiseMembership } from '../../src/franchise/franchise-membership.entity';
import { Franchise } from '../../src/franchise/franchise.entity';
import { FranchiseKind } from '../../src/franchise/franchise.enums';
import { Person } from '../../src/person/person.entity';
import { Confidence } from '../../src/source/source.enums';
import { Source } from '../../src/source/source.entity';

export interface BuiltFranchise {
  readonly slug: string;
  /** Film titles in release order. */
  readonly titles: string[];
}

/**
 * Writes a synthetic franchise of `filmCount` films straight through TypeORM: every film has a director
 * shared by the whole franchise and two cast members of its own (one playing a recurring character),
 * and every credit an EXPECTED then a CONFIRMED event from one source.
 */
export async function buildFranchise(
  dataSource: DataSource,
  name: string,
  filmCount: number,
): Promise<BuiltFranchise> {
  return dataSource.transaction(async (manager) => {
    const save = <T extends object>(entity: new () => T, values: Partial<T>) =>
      manager.save(entity, Object.assign(new entity(), values));
    const slug = slugify(name);
    const outlet = await save(Company, {
      slug: `${slug}-news`,
      name: `${name} News`,
      kind: CompanyKind.NEWS_OUTLET,
      searchText: searchTextOf(`${name} News`),
      sortKey: sortKeyOf(`${name} News`),
    });
    const source = await save(Source, {
      outletId: outlet.id,
      url: null,
      title: `${name} announcement`,
      publishedOn: '2010-01-01',
    });
    const franchise = await save(Franchise, {
      slug,
      name,
      kind: FranchiseKind.FRANCHISE,
      description: null,
      parentId: null,
      searchText: searchTextOf(name),
      sortKey: sortKeyOf(name),
      version: 1,
    });
    const person = (personName: string) =>
      save(Person, {
        slug: slugify(personName),
        name: personName,
        aliases: [],
        searchText: searchTextOf(personName),
        sortKey: sortKeyOf(personName),
        version: 1,
      });
    const director = await person(`${name} Director`);
    const hero = await save(Character, {
      slug: slugify(`${name} Hero`),
      name: `${name} Hero`,
      searchText: searchTextOf(`${name} Hero`),
      sortKey: sortKeyOf(`${name} Hero`),
    });

    const titles: string[] = [];
    for (let n = 1; n <= filmCount; n++) {
      const title = `${name} ${n}`;
      titles.push(title);
      const film = await save(Film, {
        slug: slugify(title),
        title,
        workingTitle: null,
        runtimeMinutes: 100 + n,
        synopsis: null,
        tmdbId: null,
        imdbId: null,
        releaseDate: `${2000 + n}-06-01`,
        searchText: searchTextOf(title),
        sortKey: sortKeyOf(title),
        version: 1,
      });
      await save(FranchiseMembership, {
        franchiseId: franchise.id,
        filmId: film.id,
        releaseOrdinal: n,
        storyOrdinal: n,
      });
      const credits = [
        { personId: director.id, role: CreditRole.DIRECTOR, characterId: null, billingOrder: null },
        {
          personId: (await person(`${title} Lead`)).id,
          role: CreditRole.CAST,
          characterId: hero.id,
          billingOrder: 1,
        },
        {
          personId: (await person(`${title} Villain`)).id,
          role: CreditRole.CAST,
          characterId: null,
          billingOrder: 2,
        },
      ];
      for (const values of credits) {
        const identity = { filmId: film.id, job: null, ...values };
        const credit = await save(Credit, {
          ...identity,
          identityKey: creditIdentityKey(identity),
        });
        for (const [status, effectiveDate] of [
          [AttachmentStatus.EXPECTED, `${1998 + n}-01-01`],
          [AttachmentStatus.CONFIRMED, `${1999 + n}-01-01`],
        ] as const) {
          await save(AttachmentEvent, {
            creditId: credit.id,
            status,
            effectiveDate,
            confidence: Confidence.TRADE_REPORTED,
            sourceId: source.id,
            quote: null,
            speakerId: null,
            recordedAt: '2020-01-01T00:00:00.000Z',
            recordedBy: 'test',
            retracted: false,
            retractionReason: null,
            retractedAt: null,
          });
        }
      }
    }
    return { slug, titles };
  });
}
