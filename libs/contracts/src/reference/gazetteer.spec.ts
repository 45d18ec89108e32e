import { findTown, findTownInText, PARTNERS } from './gazetteer';

describe('gazetteer', () => {
  it('knows every area of every partner as a town', () => {
    for (const partner of PARTNERS) for (const town of partner.towns) expect(findTown(town)).toEqual({ partnerId: partner.id, town });
  });

  it.each([
    ['Letchworth', 'north-herts', 'Letchworth Town Centre'],
    ['royston', 'north-herts', 'Royston Town Centre'],
    ['Stevenage', 'stevenage', 'Stevenage Town Centre'],
    ['Ware', 'east-herts', 'Ware Town Centre'],
  ])('resolves the spoken name %s', (name, partnerId, town) => {
    expect(findTown(name)).toEqual({ partnerId, town });
  });

  it.each([
    ['Fight in Letchworth Neighbourhoods near the shops', 'Letchworth Neighbourhoods'],
    ['Disorder, Stevenage Old Town', 'Stevenage Old Town'],
    ['Car crash in Potters Bar', 'Potters Bar'],
    ['Nothing here', undefined],
    ['Software update', undefined],
  ])('finds the most specific town in "%s"', (text, town) => {
    expect(findTownInText(text)?.town).toBe(town);
  });
});
