/**
 * The corrections log (/corrections/): one dated entry per correction, saying what was wrong, what
 * is right and where. Each page corrected also carries its own dated note. Newest first.
 */
export interface Correction {
  /** yyyy-mm-dd the correction was published. */
  readonly date: string;
  /** Short id, used as the entry's anchor (#<id>). */
  readonly id: string;
  readonly wrong: string;
  readonly right: string;
  /** Site paths (with #anchors where useful) of every page and dataset row changed. */
  readonly where: readonly { readonly label: string; readonly href: string }[];
  /** The publication the corrected statement now rests on. */
  readonly source: { readonly title: string; readonly url: string };
}

export const CORRECTIONS: readonly Correction[] = [
  {
    date: "2026-11-26",
    id: "takeaways-secondary-sources",
    wrong: "Four chart takeaways, which also appear on the home page, the charts page, embeds and preview cards, stated figures that rest only on secondary sources without saying so. The grade-mix takeaway gave the shares rated good (50% in August 2011, 77% in August 2024), requires improvement (28% to 8%) and outstanding (20% to 14%); the 2011 split rests on a blog summary of Ofsted's annual report and the 2024 split on a research note citing Ofsted's page. The achievement-by-disadvantage takeaway gave Ofsted's analysis (43%, 33%, 16%) as if from Ofsted, though we have it only as reported by Schools Week. The two report-card sample takeaways gave Schools Week's counts of grades without naming Schools Week.",
    right: "Each takeaway now says where its figures come from: the 2011 and 2024 grade splits from a blog and a research note citing Ofsted (Ofsted's own page gives only the 90% good or outstanding for August 2024), Ofsted's disadvantage analysis as reported by Schools Week, and the sample counts from Schools Week. The chart notes and datasets already said so. A build test now fails when a takeaway states a figure resting only on secondary sources without naming them.",
    where: [
      { label: "Grade mix over time chart", href: "/charts/grade-mix-over-time/" },
      { label: "Achievement by disadvantage chart", href: "/charts/achievement-by-disadvantage/" },
      { label: "First report cards chart", href: "/charts/first-report-cards/" },
      { label: "Report-card samples chart", href: "/charts/report-card-samples/" },
      { label: "Overall effectiveness dataset, August 2011 row", href: "/data/overall-effectiveness/#row-2011-08-31" },
      { label: "Overall effectiveness dataset, August 2024 row", href: "/data/overall-effectiveness/#row-2024-08-31" },
    ],
    source: { title: "Ofsted: Main findings, state-funded schools inspections and outcomes as at 31 August 2024 (the 90% total; the split as cited by a secondary note)", url: "https://www.gov.uk/government/statistics/state-funded-schools-inspections-and-outcomes-as-at-31-august-2024/main-findings-state-funded-schools-inspections-and-outcomes-as-at-31-august-2024" },
  },
  {
    date: "2026-11-26",
    id: "key-judgements-2019",
    wrong: "We said the September 2019 inspection framework \"adds\" four graded key judgements beneath the overall grade, as if key judgements were new.",
    right: "Graded key judgements already existed under the 2012 and 2015 frameworks (in 2012: achievement, teaching, behaviour and safety, leadership and management). The 2019 framework replaced them with four new ones: quality of education; behaviour and attitudes; personal development; leadership and management.",
    where: [
      { label: "Timeline", href: "/explainers/timeline/" },
      { label: "What is changing", href: "/explainers/what-is-changing/" },
      { label: "What a single word hid", href: "/explainers/what-a-single-word-hid/" },
      { label: "Reform timeline chart", href: "/charts/reform-timeline/" },
      { label: "Reform timeline dataset, September 2019 row", href: "/data/reform-timeline/#row-2019-09-01" },
    ],
    source: { title: "Ofsted: The framework for school inspection from September 2012 (stored copy)", url: "https://documents.pub/document/the-framework-for-school-inspection-from-september-2012.html" },
  },
  {
    date: "2026-11-26",
    id: "good-or-outstanding-2011-2012",
    wrong: "Our line of the share of schools rated good or outstanding used 70% for August 2011, from a blog summary of Ofsted's annual report, and left August 2012 blank, so it showed a steady rise from 68% to 78% and mixed two different counts.",
    right: "Ofsted put August 2012 at \"less than 70 per cent\" (69% in press reports; Ofsted's 9-point rise to 78% in August 2013 gives the same). The 70% for August 2011 is the annual report's one-off count of every open school, not the official statistics series, so the chart now shows it as a separate hollow point and draws the official series 68%, 69%, 78%. Both figures are flagged as resting on secondary sources.",
    where: [
      { label: "What a single word hid", href: "/explainers/what-a-single-word-hid/" },
      { label: "Good or outstanding over time chart", href: "/charts/good-or-outstanding-over-time/" },
      { label: "Overall effectiveness dataset, August 2011 row", href: "/data/overall-effectiveness/#row-2011-08-31" },
      { label: "Overall effectiveness dataset, August 2012 row", href: "/data/overall-effectiveness/#row-2012-08-31" },
    ],
    source: { title: "Ofsted press release: Ofsted Chief welcomes rapid rise in school performance (September 2013)", url: "https://www.gov.uk/government/news/ofsted-chief-welcomes-rapid-rise-in-school-performance" },
  },
  {
    date: "2026-11-26",
    id: "by-phase-secondary-source",
    wrong: "The by-phase chart's takeaway stated that 92% of primary and 84% of secondary schools were good or outstanding in August 2024 (and 83% and 73% in March 2015) without saying that those figures rest on secondary sources.",
    right: "The takeaway now says the August 2024 figures come from a research note citing Ofsted and the March 2015 figures from press reports, and that all four rest on secondary sources, as the explainer and dataset already said.",
    where: [
      { label: "Good or outstanding by phase chart", href: "/charts/good-or-outstanding-by-phase/" },
      { label: "By-phase dataset, August 2024 primary row", href: "/data/good-or-outstanding-by-phase/#row-2024-08-31--primary" },
    ],
    source: { title: "Ofsted: Main findings, state-funded schools inspections and outcomes as at 31 August 2024 (as cited by a secondary note)", url: "https://www.gov.uk/government/statistics/state-funded-schools-inspections-and-outcomes-as-at-31-august-2024/main-findings-state-funded-schools-inspections-and-outcomes-as-at-31-august-2024" },
  },
  {
    date: "2026-11-26",
    id: "most-schools-expected",
    wrong: "We said Ofsted's guidance says most schools should be graded \"expected standard\" (\"most schools should be there\", \"Ofsted also expects most schools to be graded there\").",
    right: "Ofsted's guidance says expected standard means a school is \"doing everything that it should be doing\" and calls it \"a high standard\". It does not say what share of schools should be there.",
    where: [
      { label: "What the first report cards show", href: "/explainers/first-report-cards/" },
      { label: "Many more ways to fail", href: "/explainers/many-more-ways-to-fail/" },
      { label: "How to read a report card", href: "/explainers/how-to-read-a-report-card/" },
    ],
    source: { title: "Ofsted: Understanding Ofsted report cards and grades (guidance)", url: "https://www.gov.uk/guidance/understanding-ofsted-report-cards-and-grades" },
  },
  {
    date: "2026-11-26",
    id: "scale-of-feedback",
    wrong: "Our timeline put \"scale of feedback\" in quotation marks as the chief inspector's words in his June 2025 letter delaying Ofsted's consultation response.",
    right: "The phrase was a news agency's summary of the letter, not his words. The timeline now describes the reason without quotation marks and gives the figures reported from the letter: more than 6,500 online responses and more than 200 test visits.",
    where: [{ label: "Timeline, 11 June 2025", href: "/explainers/timeline/" }],
    source: { title: "Education Business: Ofsted delays response to inspection reform feedback (12 June 2025)", url: "https://educationbusinessuk.net/news/12062025/ofsted-delays-response-inspection-reforms-consultation" },
  },
  {
    date: "2026-11-26",
    id: "ways-to-fail-setting",
    wrong: "\"Many more ways to fail\" said that with six areas the modelled chance of at least one grade below expected is about 26%, while the chart beside it, at its starting setting (correlation 0.5), shows about 19%. The 26% assumed areas are graded independently.",
    right: "The explainer now gives both settings: with a 5% chance per area, about 26% (six areas) and 34% (eight) if areas are independent, and about 19% and 22% at the chart's correlation of 0.5. A build test now checks each modelled figure in the text against the model.",
    where: [{ label: "Many more ways to fail", href: "/explainers/many-more-ways-to-fail/" }, { label: "Ways to fail chart", href: "/charts/ways-to-fail/" }],
    source: { title: "Schools Week (opinion, David Scott): First report cards show Ofsted still requires improvement (the 5% per-area rate)", url: "https://schoolsweek.co.uk/first-report-cards-show-ofsted-still-requires-improvement" },
  },
  {
    date: "2026-11-26",
    id: "out-of-date-statements",
    wrong: "Pages said that no official statistics on report-card outcomes existed, that \"the first national picture will come\" and that the first national figures \"will test\" both sides' arguments, and the timeline stopped in February 2026.",
    right: "Ofsted published its first official statistics covering report-card inspections, as at 31 March 2026, on 24 June 2026, saying the new grades are not directly comparable with the old. The explainers and timeline now run to November 2026, each with an \"as of\" date, and a build test fails if a page says something \"will\" happen on a date already past.",
    where: [
      { label: "What the first report cards show", href: "/explainers/first-report-cards/" },
      { label: "Timeline", href: "/explainers/timeline/" },
      { label: "Reform timeline dataset, 24 June 2026 row", href: "/data/reform-timeline/#row-2026-06-24" },
    ],
    source: { title: "Ofsted: Methodology, state-funded schools inspections and outcomes as at 31 March 2026", url: "https://www.gov.uk/government/statistics/state-funded-schools-inspections-and-outcomes-as-at-31-march-2026/methodology-state-funded-schools-inspections-and-outcomes-as-at-31-march-2026" },
  },
  {
    date: "2026-11-26",
    id: "balance",
    wrong: "\"Many more ways to fail\" made the case for report cards partly in our own voice (\"On a report card, one weak area is shown as one weak area\"), reported the parents' half of the February 2025 polling (for report cards) but not the teachers' half (against), and quoted the unions four times, Ofsted once and the government not at all.",
    right: "Each side's case is now in its own attributed words: Ofsted (Sir Martyn Oliver and its guidance), the Education Secretary, Bridget Phillipson, the unions, researchers, and the polls of parents, teachers and leaders, with who ran each poll and who answered it.",
    where: [
      { label: "Many more ways to fail", href: "/explainers/many-more-ways-to-fail/" },
      { label: "What is changing", href: "/explainers/what-is-changing/" },
      { label: "Timeline, 7 February 2025", href: "/explainers/timeline/" },
      { label: "Polls dataset (new), with both halves", href: "/data/polls/" },
    ],
    source: { title: "Schools Week: Ofsted report cards verdict, parents and school staff have their say (7 February 2025)", url: "https://schoolsweek.co.uk/ofsted-report-cards-verdict-parents-and-school-staff-have-their-say/" },
  },
];

/** The corrections that changed a page (site path such as "/charts/x/"), newest first: each page so named carries a dated note. */
export function correctionsFor(path: string): Correction[] {
  return CORRECTIONS.filter((c) => c.where.some((w) => w.href.split("#")[0] === path)).sort((a, b) => b.date.localeCompare(a.date));
}
