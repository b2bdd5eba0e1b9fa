import Foundation
import RoutingKit

/// Every page of the site. Routes are registered from these paths and views link with
/// them, so a link cannot point nowhere.
enum SiteURL {
    case home
    case stylesheet
    case programme(String)
    case project(programme: String, number: Int)
    case period(programme: String, period: String)
    case trend(String)
    case login
    case logout
    case importForm(programme: String?)
    case importPreview(UUID)
    case importMapping(UUID)
    case importCancel(UUID)

    var path: String {
        switch self {
        case .home: "/"
        case .stylesheet: "/css/stoplicht.css"
        case .programme(let slug): "/programmas/\(slug)"
        case .project(let programme, let number): "/programmas/\(programme)/projecten/\(number)"
        case .period(let programme, let period): "/programmas/\(programme)/perioden/\(period)"
        case .trend(let slug): "/programmas/\(slug)/verloop"
        case .login: "/inloggen"
        case .logout: "/uitloggen"
        case .importForm(let programme): "/importeren" + (programme.map { "?programma=\($0)" } ?? "")
        case .importPreview(let id): "/importeren/\(id.uuidString.lowercased())"
        case .importMapping(let id): "/importeren/\(id.uuidString.lowercased())/indeling"
        case .importCancel(let id): "/importeren/\(id.uuidString.lowercased())/annuleren"
        }
    }

    /// Route patterns, parameter names as the handlers read them.
    enum Pattern {
        static let programme: [PathComponent] = ["programmas", ":programme"]
        static let project: [PathComponent] = ["programmas", ":programme", "projecten", ":number"]
        static let period: [PathComponent] = ["programmas", ":programme", "perioden", ":period"]
        static let stylesheet: [PathComponent] = ["css", "stoplicht.css"]
        static let trend: [PathComponent] = ["programmas", ":programme", "verloop"]
        static let login: [PathComponent] = ["inloggen"]
        static let logout: [PathComponent] = ["uitloggen"]
        static let importForm: [PathComponent] = ["importeren"]
        static let importPreview: [PathComponent] = ["importeren", ":upload"]
        static let importMapping: [PathComponent] = ["importeren", ":upload", "indeling"]
        static let importCancel: [PathComponent] = ["importeren", ":upload", "annuleren"]
    }
}
