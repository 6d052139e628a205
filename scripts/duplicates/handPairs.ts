/**
 * Hand-labelled pairs for the duplicate detector's labelled set
 * (docs/duplicates.md). Each `a` is real debate text: a sentence of the seed
 * source (content/sources/belarus-nato.txt), a seed map node (content/maps/),
 * or a statement from a real file of another tool (tests/fixtures/aif: AIFdb,
 * OVA3; tests/fixtures/argdown). Each `b` is what a student might type for
 * the same point (a duplicate) or a near miss that must not be flagged:
 * the opposite claim, a different point on the same topic, a narrower or
 * wider claim.
 */
export interface HandPair {
  a: string
  b: string
  duplicate: boolean
  from: string
}

const ART = 'content/sources/belarus-nato.txt'
const OVA = 'tests/fixtures/aif/ova3-save.json'
const AIFDB = 'tests/fixtures/aif/aifdb-export.json'
const NESTED = 'tests/fixtures/aif/nested-conflicts.json'
const GOLDEN = 'tests/fixtures/argdown/golden.argdown'

export const HAND_PAIRS: HandPair[] = [
  // ---- duplicates: the same point in a student's own words ----
  {
    a: 'Belarus wants to have some room for manoeuvring, rather than just be a satellite of Russia.',
    b: 'Belarus wants room to maneuver instead of being just a Russian satellite.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'For a long time, Belarus was considered a buffer zone of sorts.',
    b: 'Belarus was long seen as a kind of buffer zone.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Lukashenko tried to position himself as a neutral party, so that he could maneuver freely and remain a go-between for the West and Russia.',
    b: 'Lukashenko positioned himself as neutral so he could be a go-between for Russia and the West.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'After the election of 2020, Belarus had practically no freedom to remain a neutral player.',
    b: 'Since the 2020 election Belarus has had no freedom left to stay neutral.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Alexander Lukashenko had sought ways to cooperate with NATO.',
    b: 'Lukashenko looked for ways of cooperating with NATO.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'After a crackdown on protesters that began in August 2020, the period of flirtation seems to be over.',
    b: 'The flirtation period seems over since the August 2020 crackdown on protesters.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'The enemy-at-the-gate narrative replaced what was left of the relationship with NATO.',
    b: 'What remained of the relationship with NATO was replaced by an enemy at the gate narrative.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Russia’s main strategic goal is to establish a full-fledged Union State of Belarus and Russia by 2030.',
    b: 'Russia mainly aims to establish a full Union State with Belarus by 2030.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'In general Belarusians are not interested in joining NATO.',
    b: 'Most Belarusians are not interested in joining NATO.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'There will be no security in Europe without Belarus.',
    b: 'Without Belarus there can be no security in Europe.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'The grey zone is a green light! That is, it is an invitation to aggression.',
    b: 'A grey zone is an invitation to aggression, a green light.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Today only NATO provides security in Europe.',
    b: 'Only NATO provides security in Europe today.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'The EU has tried to create its own armed forces, but this is not a functioning army like NATO has.',
    b: 'The EU tried to create its own armed forces but has no functioning army like NATO.',
    duplicate: true,
    from: ART,
  },
  { a: 'We cannot choose neutrality.', b: 'Neutrality is not a choice we can make.', duplicate: true, from: ART },
  {
    a: 'Sweden, the richest country, is now joining NATO.',
    b: 'Even rich Sweden is now joining NATO.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Agreements with Russia are impossible.',
    b: 'It is impossible to make agreements with Russia.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Neutrality is expensive: Sweden spent huge amounts of money on defence to ensure that neutrality.',
    b: 'Sweden had to spend huge amounts on defence to ensure its neutrality, so neutrality is expensive.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Belarusians don’t expect that Crimean script will be repeated in Belarus.',
    b: 'Belarusians do not expect the Crimean scenario to be repeated in Belarus.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'The leak is unverified.',
    b: 'The leaked document has not been verified.',
    duplicate: true,
    from: 'content/maps/shared.argdown',
  },
  {
    a: 'Ukraine must have security guarantees, but include Belarus.',
    b: 'Security guarantees for Ukraine must include Belarus.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Nuclear power is the safest energy source we have',
    b: 'nuclear is the safest source there is',
    duplicate: true,
    from: OVA,
  },
  {
    a: 'Waste stays dangerous for millennia',
    b: 'Nuclear waste remains dangerous for thousands of years',
    duplicate: true,
    from: OVA,
  },
  {
    a: 'It causes the fewest deaths per terawatt-hour',
    b: 'Nuclear causes the fewest deaths per terawatt hour of energy',
    duplicate: true,
    from: OVA,
  },
  { a: 'we should tax sugary drinks', b: 'Sugary drinks should be taxed', duplicate: true, from: AIFDB },
  {
    a: 'a sugar tax hits the poorest hardest',
    b: 'The poorest are hit hardest by a sugar tax',
    duplicate: true,
    from: AIFDB,
  },
  {
    a: 'obesity costs the health service billions',
    b: 'Obesity costs the health service billions every year',
    duplicate: true,
    from: AIFDB,
  },
  { a: 'The inspection found cracks.', b: 'Cracks were found by the inspection.', duplicate: true, from: NESTED },
  {
    a: 'Cities should ban cars from the centre.',
    b: 'Cars should be banned from city centres.',
    duplicate: true,
    from: GOLDEN,
  },
  { a: 'Fewer cars mean cleaner air.', b: 'With fewer cars the air is cleaner.', duplicate: true, from: GOLDEN },
  {
    a: 'Shops lose customers who drive.',
    b: 'Shops would lose their customers who drive.',
    duplicate: true,
    from: GOLDEN,
  },
  // Paraphrases with few shared words: the detector is lexical and is expected to miss some of these.
  {
    a: 'Belarus wants to have some room for manoeuvring, rather than just be a satellite of Russia.',
    b: 'Minsk does not want to be Moscow’s puppet.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Today only NATO provides security in Europe.',
    b: 'The alliance is the one real guarantor of European safety now.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'Agreements with Russia are impossible.',
    b: 'You cannot make a deal with the Kremlin.',
    duplicate: true,
    from: ART,
  },
  {
    a: 'The grey zone is a green light! That is, it is an invitation to aggression.',
    b: 'Leaving a country in between invites an attack.',
    duplicate: true,
    from: ART,
  },

  // ---- not duplicates: opposite claims ----
  {
    a: 'In general Belarusians are not interested in joining NATO.',
    b: 'In general Belarusians are interested in joining NATO.',
    duplicate: false,
    from: ART,
  },
  { a: 'We cannot choose neutrality.', b: 'We can choose neutrality.', duplicate: false, from: ART },
  {
    a: 'Agreements with Russia are impossible.',
    b: 'Agreements with Russia are possible.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'There will be no security in Europe without Belarus.',
    b: 'There will be security in Europe without Belarus.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Belarus should join NATO.',
    b: 'Belarus should not join NATO.',
    duplicate: false,
    from: 'content/maps/no-grey-zones.argdown',
  },
  {
    a: 'Cities should ban cars from the centre.',
    b: 'Cars should stay in the centre.',
    duplicate: false,
    from: GOLDEN,
  },
  { a: 'The bridge is safe.', b: 'The bridge is not safe.', duplicate: false, from: NESTED },
  {
    a: 'Nuclear power is the safest energy source we have',
    b: 'Nuclear power is not the safest energy source we have',
    duplicate: false,
    from: OVA,
  },
  { a: 'we should tax sugary drinks', b: "we shouldn't tax sugary drinks", duplicate: false, from: AIFDB },
  {
    a: 'The leak is unverified.',
    b: 'The leak has been verified.',
    duplicate: false,
    from: 'content/maps/shared.argdown',
  },
  // ---- not duplicates: the same topic, a different point ----
  {
    a: 'Sweden, the richest country, is now joining NATO.',
    b: 'Sweden spent huge amounts of money on defence.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Russia’s main strategic goal is to establish a full-fledged Union State of Belarus and Russia by 2030.',
    b: 'The leaked document was shared with Süddeutsche Zeitung and Delfi Estonia.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'After a crackdown on protesters that began in August 2020, the period of flirtation seems to be over.',
    b: 'Mass demonstrations against his rule shook the country in August 2020.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Tanks and planes are deployed 15 minutes from our border.',
    b: 'Lithuania, Latvia, Poland and Ukraine are telling us to hold new elections.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Belarusian representatives joined the North Atlantic Cooperation Council (NACC) back in 1992.',
    b: 'Belarus’ diplomatic mission to NATO came a year later.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'The idea of Belarus joining NATO enjoyed its biggest level of support in September 2002.',
    b: 'Today support for NATO is higher than 6 years ago but still insignificant.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Ukraine will not solve the problem of European security.',
    b: 'Ukraine must have security guarantees.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'The EU has tried to create its own armed forces.',
    b: 'The coordination between the European armies has increased.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Stoltenberg remains for a third term because he steers NATO perfectly.',
    b: 'If NATO had not helped Ukraine, Ukraine would not exist today.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Neutrality is expensive.',
    b: 'Neutrality could be written into agreements with Russia.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Nuclear power is the safest energy source we have',
    b: 'Nuclear power is the cheapest energy source we have',
    duplicate: false,
    from: OVA,
  },
  { a: 'Even counting Chernobyl and Fukushima', b: 'Waste stays dangerous for millennia', duplicate: false, from: OVA },
  { a: 'we should tax sugary drinks', b: 'obesity costs the health service billions', duplicate: false, from: AIFDB },
  { a: 'The inspection found cracks.', b: 'It was inspected last year.', duplicate: false, from: NESTED },
  {
    a: 'The cracks are cosmetic paint cracks.',
    b: 'The inspector is not qualified to judge that.',
    duplicate: false,
    from: NESTED,
  },
  { a: 'Fewer cars mean cleaner air.', b: 'Traffic may just move to the ring road.', duplicate: false, from: GOLDEN },
  {
    a: 'Cars are the main source of city air pollution.',
    b: 'A ban cuts central traffic.',
    duplicate: false,
    from: GOLDEN,
  },
  // ---- not duplicates: narrower or wider, sharing most words ----
  {
    a: 'Belarus was considered a buffer zone.',
    b: 'Belarus was considered a buffer zone until 2020, when the West cut ties over the crackdown.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Russia plans to expand its military presence in Belarus.',
    b: 'Russia plans to expand its economic influence in Belarus.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Belarusians are not interested in joining NATO.',
    b: 'Belarusians are not interested in joining the EU.',
    duplicate: false,
    from: ART,
  },
  {
    a: 'Poland supports Belarusian protesters.',
    b: 'Poland supports Ukrainian refugees.',
    duplicate: false,
    from: ART,
  },
]
