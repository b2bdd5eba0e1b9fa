import Fluent
import Foundation
import Testing
import Vapor

@testable import Stoplicht

/// The document's `maxLength` is kept as JSON Schema counts it, in code points and before
/// anything is trimmed (schemathesis found a name of 201 accepted: its leading space was
/// trimmed before it was counted).
@Suite struct APILengthTests {
    @Test func aStringOverItsMaximumLengthIsRefusedWithTheFieldNamed() async throws {
        try await withStoplicht(seeded: true) { app in
            let token = try await APIClient.token(app, "beheerder@gemeente.nl", role: nil, administrator: true)
            let organisations = try await Organisation.query(on: app.db).count()
            let (long, _, problem) = try await APIClient.send(
                app, .POST, "/api/v1/organisations", token: token,
                body: ["name": " " + String(repeating: "a", count: 200), "kind": "extern"])
            #expect(long == .unprocessableEntity)
            #expect(problem["detail"] as? String == Strings.apiTooLong("name", 200))
            #expect(try await Organisation.query(on: app.db).count() == organisations)
            // "é" as e and a combining accent: two code points, one character.
            let (accents, _, _) = try await APIClient.send(
                app, .POST, "/api/v1/organisations", token: token,
                body: ["name": String(repeating: "e\u{301}", count: 101), "kind": "extern"])
            #expect(accents == .unprocessableEntity)
            let (fits, _, _) = try await APIClient.send(
                app, .POST, "/api/v1/organisations", token: token,
                body: ["name": String(repeating: "a", count: 200), "kind": "extern"])
            #expect(fits == .created)

            let (leader, _, answer) = try await APIClient.send(
                app, .POST, "/api/v1/programmes/dienstverlening/projects", token: token,
                body: [
                    "number": 92, "name": "Plein", "leaders": ["Jan Smit", String(repeating: "b", count: 201)],
                    "lifecycle": "lopend",
                ])
            #expect(leader == .unprocessableEntity)
            #expect(answer["detail"] as? String == Strings.apiTooLong("leaders[1]", 200))
        }
    }
}
