import Foundation
import Testing

@testable import Stoplicht

/// The OpenAPI schemas are written as dictionaries beside the Codable types that the API
/// encodes and decodes. These tests hold the two together: every schema with a type has a
/// fully filled sample of it here (every optional set, every list with an element), whose
/// JSON must have exactly the schema's properties and all its required ones, at every
/// level; a request body's sample must also decode back to the same value.
@Suite struct OpenAPISchemaTests {
    struct Sample: Sendable {
        var schema: String
        var json: @Sendable () throws -> Data
        /// For a request body: whether the sample's JSON decodes back to the sample.
        var decodesBack: (@Sendable () throws -> Bool)?

        static func response(_ schema: String, _ value: some Encodable & Sendable) -> Sample {
            Sample(schema: schema, json: { try JSONEncoder().encode(value) }, decodesBack: nil)
        }

        static func request<T: Codable & Equatable & Sendable>(_ schema: String, _ value: T) -> Sample {
            Sample(
                schema: schema, json: { try JSONEncoder().encode(value) },
                decodesBack: { try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value)) == value })
        }
    }

    /// Schemas that describe no Codable type of ours, and why.
    static let withoutType: Set<String> = ["OpenAPI"]  // the document itself, written as a dictionary

    static let id = UUID(uuidString: "0B6E1C4A-5D7F-4E21-9A3B-2C8D6F0E1A57")!
    static let links = APILinks(
        self: .init(href: "/api/v1/x?page=2"), next: .init(href: "/api/v1/x?page=3"),
        prev: .init(href: "/api/v1/x?page=1"),
        first: .init(href: "/api/v1/x?page=1"), last: .init(href: "/api/v1/x?page=3"))
    static let period = ProgrammesAPI.PeriodBody(
        slug: "juni-2018", name: "juni 2018", state: "open", startsOn: "2018-06-01", endsOn: "2018-10-31")
    static let programme = ProgrammesAPI.ProgrammeBody(
        slug: "dienstverlening", name: "Dienstverlening", organisation: "Gemeente Woudenberg",
        access: "besloten", periods: [period])
    static let project = ProgrammesAPI.ProjectBody(
        number: 2, name: "Website", leaders: ["Laura"], lifecycle: "lopend", light: "groen",
        plannedDelivery: "2019", forecastDelivery: "2020", remarks: "Loopt.")
    static let organisation = OrganisationsAPI.OrganisationBody(
        id: id, name: "Gemeente Woudenberg", kind: "gemeente", programmes: ["dienstverlening"])
    static let section = SectionsAPI.SectionBody(key: "successen", number: 1, title: "Successen", body: "Veel.")
    static let decision = DecisionsAPI.DecisionBody(
        id: id, number: 1, text: "Besluit", requestedFrom: "college", outcome: "gevraagd",
        decidedOn: "2018-11-20")
    static let risk = RisksAPI.RiskBody(
        id: id, number: 1, description: "Risico", cause: "Oorzaak", impact: "Gevolg", measures: "Maatregel",
        owner: "Laura")
    static let line = BudgetLinesAPI.LineBody(
        id: id, project: 2, source: "eigen", nature: "incidenteel", year: 2019, description: "Bouw",
        budgetCents: 100, commitmentCents: 50)

    /// One fully filled sample per schema that has a Codable type.
    static let samples: [Sample] = [
        .response(
            "Problem", ErrorPageMiddleware.Problem(status: 422, title: "Niet verwerkt", detail: "De naam ontbreekt.")),
        .response("Period", period),
        .response("Programme", programme),
        .response("ProgrammeList", ProgrammesAPI.ProgrammeList(programmes: [programme], total: 1, _links: links)),
        .request("ProgrammeAccess", ProgrammesAPI.AccessBody(access: "openbaar")),
        .response("Project", project),
        .response(
            "ProjectList",
            ProgrammesAPI.ProjectList(
                programme: "dienstverlening", period: "juni-2018", projects: [project], total: 1,
                _links: links)),
        .response(
            "ProjectDetail",
            ProjectsAPI.ProjectDetail(
                number: 2, name: "Website", leaders: ["Laura"], lifecycle: "lopend", phase: "uitvoering",
                items: ["Offerte"], archived: false)),
        .request(
            "ProjectInput",
            ProjectsAPI.ProjectBody(
                number: 2, name: "Website", leaders: ["Laura"], lifecycle: "lopend", phase: "uitvoering",
                items: ["Offerte"], archived: true)),
        .request(
            "Status",
            StatusesAPI.StatusBody(
                light: "groen", dimensionLights: ["planning": "oranje"], lifecycle: "lopend", remarks: "Loopt.",
                achieved: "Veel.", plannedNext: "Meer.", plannedStart: "2018", forecastStart: "2018",
                plannedDelivery: "2019", forecastDelivery: "2020", cause: "Oorzaak", consequence: "Gevolg",
                measure: "Maatregel")),
        .response("Organisation", organisation),
        .request(
            "OrganisationInput", OrganisationsAPI.OrganisationInput(name: "Gemeente Woudenberg", kind: "gemeente")),
        .response(
            "OrganisationList",
            OrganisationsAPI.OrganisationList(organisations: [organisation], total: 1, _links: links)),
        .response("PeriodList", PeriodsAPI.PeriodList(periods: [period], total: 1, _links: links)),
        .request("PeriodInput", PeriodsAPI.PeriodInput(name: "november 2018")),
        .request("PeriodState", PeriodsAPI.PeriodState(state: "in-review")),
        .response("Section", section),
        .request("SectionInput", SectionsAPI.SectionInput(title: "Successen", body: "Veel.")),
        .response("SectionList", SectionsAPI.SectionList(sections: [section], total: 1, _links: links)),
        .response("Decision", decision),
        .request(
            "DecisionInput",
            DecisionsAPI.DecisionInput(
                text: "Besluit", requestedFrom: "raad", outcome: "akkoord", decidedOn: "20-11-2018")),
        .response("DecisionList", DecisionsAPI.DecisionList(decisions: [decision], total: 1, _links: links)),
        .response("Risk", risk),
        .request(
            "RiskInput",
            RisksAPI.RiskInput(description: "Risico", cause: "Oorzaak", impact: "Gevolg", measures: "Maatregel")),
        .response("RiskList", RisksAPI.RiskList(risks: [risk], total: 1, _links: links)),
        .response("BudgetLine", line),
        .request(
            "BudgetLineInput",
            BudgetLinesAPI.LineInput(
                project: 2, source: "eigen", nature: "incidenteel", year: 2019, description: "Bouw",
                budgetCents: 100, commitmentCents: 50)),
        .response("BudgetLineList", BudgetLinesAPI.LineList(budgetLines: [line], total: 1, _links: links)),
    ]

    static var schemas: [String: [String: Any]] {
        let components = OpenAPIDocument.document["components"] as? [String: Any]
        return components?["schemas"] as? [String: [String: Any]] ?? [:]
    }

    @Test func everySchemaWithATypeHasASample() {
        let sampled = Self.samples.map(\.schema)
        #expect(Set(sampled).count == sampled.count, "a schema sampled twice")
        #expect(Set(sampled).sorted() == Set(Self.schemas.keys).subtracting(Self.withoutType).sorted())
        let requestBodies = Set(APIOperations.all.compactMap(\.requestBody))
        #expect(!requestBodies.isEmpty)
        for sample in Self.samples where requestBodies.contains(sample.schema) {
            #expect(
                sample.decodesBack != nil, "\(sample.schema) is a request body: its sample must be made with .request")
        }
    }

    @Test(arguments: samples.map(\.schema))
    func theTypesJSONHasTheSchemasProperties(_ name: String) throws {
        let sample = try #require(Self.samples.first { $0.schema == name })
        let schema = try #require(Self.schemas[name])
        let json = try JSONSerialization.jsonObject(with: try sample.json())
        let mismatches = Self.mismatches(json, schema, at: name)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "; "))")
        if let decodesBack = sample.decodesBack {
            #expect(try decodesBack(), "\(name): the sample does not decode back to itself")
        }
    }

    /// Where `json` and `schema` disagree: a property the schema names and the JSON lacks or
    /// the other way round, a required property missing; nested objects and lists checked too.
    static func mismatches(_ json: Any, _ schema: [String: Any], at path: String, depth: Int = 0) -> [String] {
        guard depth < 10 else { return ["\(path): nested too deep"] }
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let referenced = schemas[name] else { return ["\(path): unknown schema \(reference)"] }
            return mismatches(json, referenced, at: path, depth: depth + 1)
        }
        var found: [String] = []
        if let properties = schema["properties"] as? [String: [String: Any]] {
            guard let object = json as? [String: Any] else { return ["\(path): not an object"] }
            let keys = Set(object.keys)
            let named = Set(properties.keys)
            for key in named.subtracting(keys).sorted() {
                found.append("\(path).\(key): in the schema, not in the type")
            }
            for key in keys.subtracting(named).sorted() {
                found.append("\(path).\(key): in the type, not in the schema")
            }
            for key in (schema["required"] as? [String] ?? []) where !keys.contains(key) {
                found.append("\(path).\(key): required, not sent")
            }
            for (key, property) in properties.sorted(by: { $0.key < $1.key }) {
                if let value = object[key] {
                    found += mismatches(value, property, at: "\(path).\(key)", depth: depth + 1)
                }
            }
        }
        if let items = schema["items"] as? [String: Any], let array = json as? [Any] {
            if array.isEmpty, items["$ref"] != nil || items["properties"] != nil {
                found.append("\(path): an empty list checks nothing")
            }
            for (index, element) in array.enumerated() {
                found += mismatches(element, items, at: "\(path)[\(index)]", depth: depth + 1)
            }
        }
        return found
    }
}
