import StoplichtCore
import Testing

/// Every role against every action.
@Suite struct PermissionsTests {
    static let allowed: [ProgrammeRole: Set<ProgrammeAction>] = [
        .administrator: Set(ProgrammeAction.allCases),
        .programmeManager: Set(ProgrammeAction.allCases).subtracting([.manageRoles]),
        .projectLeader: [.read, .editOwnProject],
        .reader: [.read],
    ]

    @Test(arguments: ProgrammeRole.allCases, ProgrammeAction.allCases)
    func matrix(_ role: ProgrammeRole, _ action: ProgrammeAction) {
        #expect(Permissions.allows(role, action, leadsProject: true) == Self.allowed[role]!.contains(action))
    }

    @Test func aProjectLeaderEditsOnlyTheirOwnProjects() {
        #expect(Permissions.allows(.projectLeader, .editOwnProject, leadsProject: true))
        #expect(!Permissions.allows(.projectLeader, .editOwnProject, leadsProject: false))
        #expect(!Permissions.allows(.projectLeader, .editAnyProject, leadsProject: true))
    }

    @Test func withoutARoleNothingIsAllowed() {
        for action in ProgrammeAction.allCases { #expect(!Permissions.allows(nil, action)) }
    }
}
