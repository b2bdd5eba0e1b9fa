/// A person's role in one programme. A beheerder (application administrator) is set on the
/// account and holds in every programme.
public enum ProgrammeRole: String, Sendable, Codable, CaseIterable {
    case administrator = "beheerder"
    case programmeManager = "programmamanager"
    case projectLeader = "projectleider"
    /// Opdrachtgevers, line managers, the portefeuillehouder: they read.
    case reader = "lezer"

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    /// Who holds the role, in a sentence: "de beheerders".
    public var plural: String {
        switch self {
        case .administrator: "de beheerders"
        case .programmeManager: "de programmamanager"
        case .projectLeader: "de projectleiders"
        case .reader: "de lezers"
        }
    }
}

/// What someone can do in a programme.
public enum ProgrammeAction: String, Sendable, CaseIterable {
    case read
    /// Light, remarks and planning of a project one leads.
    case editOwnProject
    case editAnyProject
    /// Sections, decisions requested and risks of a period.
    case editSections
    /// Adding, changing and archiving projects.
    case manageProjects
    /// Opening a period, moving it to review and back.
    case movePeriod
    case publishPeriod
    case importReport
    /// Budget lines, cost centres, imports of actuals and transfers between budgets.
    case manageFinances
    /// Giving people roles in the programme.
    case manageRoles
}

/// The permission matrix, in one place, free of the web framework, so it is tested whole.
public enum Permissions {
    /// Whether `role` may do `action`; `leadsProject` says whether the person leads the
    /// project the action is about. No role is no access.
    public static func allows(_ role: ProgrammeRole?, _ action: ProgrammeAction, leadsProject: Bool = false) -> Bool {
        guard let role else { return false }
        switch role {
        case .administrator:
            return true
        case .programmeManager:
            return action != .manageRoles
        case .projectLeader:
            return action == .read || action == .editOwnProject && leadsProject
        case .reader:
            return action == .read
        }
    }
}
