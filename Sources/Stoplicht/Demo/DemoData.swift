import Foundation

/// The demo programme: Woudenberg's progress report "Dienstverlening", June–October 2018,
/// the report the product was designed from.
public enum DemoData {
    public static let organisation = "Gemeente Woudenberg"

    public static var seedReportURL: URL {
        Bundle.module.url(forResource: "woudenberg-dienstverlening-2018", withExtension: "txt")!
    }

    public static func seedReport() throws -> Data {
        try Data(contentsOf: seedReportURL)
    }
}
