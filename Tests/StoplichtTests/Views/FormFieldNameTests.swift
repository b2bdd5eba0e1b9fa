import Foundation
import StoplichtCore
import Testing

@testable import Stoplicht

/// The names the forms post, spelled out once more here on purpose: the field enums give
/// the view, the parser and the tests the same name, so a renamed case would pass every
/// other test while the HTML changed under bookmarks, scripts (`scripts/browser-test.py`)
/// and browsers with a form open. These pin the names the HTML has always had.
@Suite struct FormFieldNameTests {
    @Test func theStatusFormsNames() {
        #expect(
            StatusField.allCases.map(\.name) == [
                "licht", "levensfase", "opmerkingen", "bereikt", "volgende", "start-gepland",
                "start-verwacht", "gepland", "verwacht", "oorzaak", "gevolg", "maatregel", "revisie",
                "toelichting-bevestigd",
            ])
        #expect(StatusField.dimension("planning").name == "dimensie-planning")
        #expect(LightExplanation.Part.allCases.map { StatusField($0).name } == ["oorzaak", "gevolg", "maatregel"])
    }

    @Test func theProjectAndPeriodFormsNames() {
        #expect(
            ProjectField.allCases.map(\.name) == [
                "nummer", "naam", "projectleiders", "levensfase", "fase", "onderdelen",
            ])
        #expect(ProjectArchiveField.archived.name == "archief")
        #expect(PeriodTextsField.fingerprint.name == "vingerafdruk")
        #expect(PeriodTextsField.sectionTitle("successen").name == "sectie-successen-titel")
        #expect(PeriodTextsField.sectionBody("successen").name == "sectie-successen-tekst")
        #expect(
            PeriodTextsField.DecisionPart.allCases.map { PeriodTextsField.decision(3, $0).name }
                == ["besluit-3-id", "besluit-3-tekst", "besluit-3-aan", "besluit-3-uitkomst", "besluit-3-weg"])
        #expect(
            PeriodTextsField.RiskPart.allCases.map { PeriodTextsField.risk(0, $0).name }
                == [
                    "risico-0-id", "risico-0-tekst", "risico-0-oorzaak", "risico-0-gevolg", "risico-0-maatregel",
                    "risico-0-weg",
                ])
        #expect(PeriodMoveField.allCases.map(\.name) == ["naar", "bevestigd", "zonder-controle"])
    }

    @Test func theFinanceFormsNames() {
        let id = UUID(uuidString: "0B6E1C4A-5D7F-4E21-9A3B-2C8D6F0E1A57")!
        #expect(
            BudgetLineField.allCases.map(\.name) == [
                "regel-project", "regel-bron", "regel-karakter", "regel-jaar", "regel-bedrag",
                "regel-verplicht", "regel-omschrijving",
            ])
        #expect(QuoteField.allCases.map(\.name) == ["offerte-project", "offerte-omschrijving", "offerte-bedrag"])
        #expect(
            QuoteStateField.allCases.map { $0.of(id).name }
                == [
                    "offerte-0b6e1c4a-5d7f-4e21-9a3b-2c8d6f0e1a57-stand",
                    "offerte-0b6e1c4a-5d7f-4e21-9a3b-2c8d6f0e1a57-bedrag",
                ])
        #expect(
            TransferField.allCases.map(\.name) == [
                "overheveling-van", "overheveling-project", "overheveling-bedrag", "overheveling-reden",
                "overheveling-beslispunt", "overheveling-aan",
            ])
        #expect(
            TransferDecisionField.allCases.map { $0.of(id).name }
                == [
                    "besluit-0b6e1c4a-5d7f-4e21-9a3b-2c8d6f0e1a57-uitkomst",
                    "besluit-0b6e1c4a-5d7f-4e21-9a3b-2c8d6f0e1a57-datum",
                ])
        #expect(CostCentreField.allCases.map(\.name) == ["kostenplaats-kostenplaats", "kostenplaats-project"])
        #expect(ActualsField.allCases.map(\.name) == ["realisatie-bestand", "realisatie-kolommen"])
    }

    @Test func thePlanningFormsNames() {
        #expect(PrerequisiteField.allCases.map(\.name) == ["randvoorwaarde-nodig", "randvoorwaarde-mijlpaal"])
        #expect(
            PostponementField.allCases.map(\.name) == [
                "uitstel-maanden", "uitstel-reden", "uitstel-beslispunt", "uitstel-aan",
            ])
        #expect(PostponementDecisionField.allCases.map(\.name) == ["besluit-uitkomst", "besluit-datum"])
        #expect(MilestoneField.allCases.map { $0.of(2).name } == ["mijlpaal-2-datum", "mijlpaal-2-bereikt"])
    }

    @Test func theAccountTokenAndImportFormsNames() {
        #expect(LoginField.allCases.map(\.name) == ["email", "wachtwoord", "terug"])
        #expect(
            AccountField.allCases.map(\.name) == [
                "email", "naam", "wachtwoord", "persoon", "persoon-gemeente", "beheerder",
            ])
        #expect(RoleField.allCases.map(\.name) == ["gebruiker", "programma", "rol"])
        #expect(TokenField.allCases.map(\.name) == ["token-naam", "token-bereik"])
        #expect(ImportUploadField.allCases.map(\.name) == ["bestand", "programma", "gemeente", "periode", "indeling"])
        #expect(ImportMappingField.allCases.map(\.name) == ["periode", "indeling"])
        #expect(
            [
                ImportMappingField.column(4), ImportMappingField.header(4), ImportMappingField.light(4),
                ImportMappingField.word(4),
            ].map(\.name)
                == ["kolom-4", "kop-4", "licht-4", "woord-4"])
        #expect(ImportConfirmField.leaveOut("rij-2").name == "weglaten-rij-2")
        #expect(ImportConfirmField.leftOutKey("weglaten-rij-2") == "rij-2")
        #expect(ImportConfirmField.leftOutKey("weglatenrij-2") == nil)
    }
}
