import Foundation
import StoplichtCore

/// Logging in, and refusals: what was refused, and who may do it.
extension Strings {
    static let loginTitle = "Inloggen"
    static let loginEmail = "E-mailadres"
    static let loginPassword = "Wachtwoord"
    static let loginSubmit = "Inloggen"
    static let logoutSubmit = "Uitloggen"
    static func loggedInAs(_ name: String) -> String { "Ingelogd als \(name)." }
    static let loginFailed = "Het e-mailadres of het wachtwoord klopt niet."
    static let loginThrottled = "Er is te vaak een verkeerd wachtwoord gegeven. Probeer het over een kwartier opnieuw."
    static let loginRequired = "Log in om deze pagina te gebruiken."
    static let forbidden =
        "U hebt geen toestemming voor deze handeling. Vraag de functioneel beheerder om de juiste rol."
    static let forbiddenTitle = "Geen toestemming"
    /// A refusal that says what was refused, who may do it, and what the person is.
    static func forbidden(_ action: ProgrammeAction, role: ProgrammeRole?) -> String {
        let may = ProgrammeRole.allCases.filter { Permissions.allows($0, action, leadsProject: true) }
            .map { $0 == .projectLeader && action == .editOwnProject ? "de projectleiders van dit project" : $0.plural }
        // The programme is not named: a refusal must not tell an outsider what it is called.
        let mine = role.map { "U bent \($0.rawValue) in dit programma." } ?? "U hebt geen rol in dit programma."
        return
            "U hebt geen toestemming voor deze handeling: \(actionLabel(action)) is voorbehouden aan \(list(may)). \(mine) "
            + "Vraag de functioneel beheerder om een andere rol als u dit wel moet kunnen."
    }
    static let forbiddenAdministrator =
        "U hebt geen toestemming voor deze handeling: alleen een beheerder (functioneel beheer) mag dit. Vraag de functioneel beheerder als het nodig is."
    static func actionLabel(_ action: ProgrammeAction) -> String {
        switch action {
        case .read: "dit programma lezen"
        case .editOwnProject: "dit project bijwerken"
        case .editAnyProject: "elk project bijwerken"
        case .editSections: "de teksten, besluiten en risico's van een periode bewerken"
        case .manageProjects: "projecten toevoegen, wijzigen of archiveren"
        case .movePeriod: "een periode openen of ter controle voorleggen"
        case .publishPeriod: "een rapportage publiceren"
        case .importReport: "een rapportage importeren"
        case .manageFinances: "de financiën beheren"
        case .manageRoles: "rollen en toegang regelen"
        }
    }
    static let csrfFailed =
        "Dit formulier is verlopen of komt niet van deze site (ontbrekend of onjuist beveiligingskenmerk). Laad de pagina opnieuw en probeer het nog eens."

    static let usersTitle = "Gebruikers en rollen"
    static func usersCaption(_ n: Int) -> String { n == 1 ? "1 gebruiker" : "\(n) gebruikers" }
    static let userName = "Naam"
    static let userNameHint = "Zoals collega's de gebruiker kennen."
    static let emailHint = "Het e-mailadres waarmee de gebruiker inlogt."
    static let newPasswordHint = "Ten minste 12 tekens. Geef het de gebruiker persoonlijk door."
    static let personLabel = "Persoon in de programma's"
    static let personHint =
        "Optioneel: de naam zoals de rapportage de projectleider noemt, zodat deze zijn of haar eigen projecten kan bijwerken."
    static let personOrganisationLabel = "Gemeente van de persoon"
    static let personOrganisationHint = "Alleen nodig als dezelfde naam in meer dan één gemeente voorkomt."
    static func personNotFoundIn(_ name: String, organisation: String) -> String {
        "Er is geen persoon ‘\(name)’ in een programma van ‘\(organisation)’. Controleer de schrijfwijze of laat het veld leeg."
    }
    static func personInSeveralMunicipalities(_ name: String, _ municipalities: [String]) -> String {
        "‘\(name)’ staat in de programma's van meer dan één gemeente (\(municipalities.joined(separator: ", "))). Geef ook de gemeente van de persoon op."
    }
    static func personOfAnotherMunicipality(_ name: String) -> String {
        "Dit account is gekoppeld aan ‘\(name)’ van een andere gemeente; het wordt geen projectleider in een programma van deze gemeente. Er is niets gewijzigd."
    }
    static func personNotFound(_ name: String) -> String {
        "Er is geen persoon ‘\(name)’ in een programma. Controleer de schrijfwijze of laat het veld leeg."
    }
    static let administratorLabel = "Beheerder (mag alles, in elk programma)"
    static let addUser = "Gebruiker toevoegen"
    static let rolesLabel = "Rollen"
    static let noRoles = "Geen rol"
    static let roleTitle = "Rol in een programma"
    static let roleLabel = "Rol"
    static let roleHint =
        "Programmamanager: alles in het programma. Projectleider: de eigen projecten bijwerken. Lezer: alleen lezen. ‘Geen’ neemt de rol weg."
    static let noRole = "Geen (rol intrekken)"
    static let saveRole = "Rol opslaan"
    static let chooseUser = "Kies de gebruiker."
    static let chooseProgramme = "Kies het programma."
    static let chooseRole = "Kies een rol: programmamanager, projectleider, lezer of geen."
    static let administratorIsNoProgrammeRole =
        "Beheerder is geen rol in een programma maar een eigenschap van het account."
}
