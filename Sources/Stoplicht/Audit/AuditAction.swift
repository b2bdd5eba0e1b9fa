/// Every action the audit trail records; the raw value is what the trail stores and shows
/// (Dutch, as the beheerder reads it in `stoplicht audit` and on the audit pages).
enum AuditAction: String, Sendable, CaseIterable {
    // Accounts
    case login = "inloggen"
    case loginFailed = "inloggen-mislukt"
    case accountAdd = "account-toevoegen"
    case roleGrant = "rol"
    case apiTokenCreate = "api-token-maken"
    case apiTokenRevoke = "api-token-intrekken"
    case organisationAdd = "organisatie-toevoegen"
    case organisationUpdate = "organisatie-bijwerken"
    // The reporting cycle
    case update = "bijwerken"
    case periodOpen = "periode-openen"
    case periodState = "periode-status"
    case periodPublish = "publiceren"
    case programmeAccess = "toegang"
    case projectAdd = "project-toevoegen"
    case projectChange = "project-wijzigen"
    case projectArchive = "project-archiveren"
    case projectRestore = "project-terugzetten"
    case importReport = "import"
    case generate = "genereren"
    // Finance
    case budgetLineAdd = "begroting-toevoegen"
    case budgetLineUpdate = "begroting-bijwerken"
    case quoteAdd = "offerte-toevoegen"
    case quoteState = "offerte-stand"
    case transferPropose = "overheveling-voorstellen"
    case transferExecute = "overheveling-uitvoeren"
    case transferReject = "overheveling-afwijzen"
    case costCentreMap = "kostenplaats-koppelen"
    // Planning
    case milestoneUpdate = "mijlpaal-bijwerken"
    case prerequisiteAdd = "randvoorwaarde-toevoegen"
    case prerequisiteRemove = "randvoorwaarde-verwijderen"
    case replanAccept = "herplanning-overnemen"
    case postponementPropose = "uitstel-voorstellen"
    case postponementExecute = "uitstel-uitvoeren"
    case postponementReject = "uitstel-afwijzen"
}
