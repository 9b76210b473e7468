/**
 * The 2022 report's figures for Jianyang's governance mechanisms (DOMAIN.md), typed from the
 * article — not read from the seed's constants — for the demo's tests to hold the metrics to.
 * The cadres' two (760 seconded, 140 sentiment maps) stand apart: `npm test` replays fewer cadres.
 */
export const ArticleCadreFigures = {
  "cadres.assigned": 760, // 760 seconded cadres
  "ledger.sentiment_map": 140, // 140 community sentiment maps
};

export const ArticleMechanismFigures = {
  "wishes.fulfilled": 360, // 360 micro-wishes fulfilled
  "needs.created": 184, // 184 needs/project lists
  "party.jointMeetings": 48, // 48 joint party-building meetings
  "party.coBuildingProjects": 238, // 238 co-building projects claimed
  "activities.held": 180, // 180 volunteer activities
  "activities.served": 9800, // serving about 9,800 people
  "volunteers.teams": 165, // 165 volunteer teams
  "volunteers.problemsSolved": 610, // solving 610 problems
  "owners.committeeWorkers": 65, // 65 grid workers on owners' committees
  "owners.consultations": 180, // 180 consultations
  "owners.livelihoodProjects": 72, // 72 livelihood projects
  "emergency.roundsDistrictWide": 3, // 3 district-wide testing rounds
  "emergency.roundsRiskArea": 7, // 7 risk-area testing rounds
};
