/**
 * The operator's onboarding form is a step wizard now (names → place → template → first admin →
 * review): see `onboard-wizard.tsx`. This name stays for the directory page that shows it.
 */
export { OnboardWizard as OnboardForm } from "./onboard-wizard.tsx";
