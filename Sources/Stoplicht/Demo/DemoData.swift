import Foundation

/// The demo programme: Woudenberg's progress report "Dienstverlening", June–October 2018,
/// the report the product was designed from.
public enum DemoData {
    public static let organisation = "Gemeente Woudenberg"
    static let fileName = "woudenberg-dienstverlening-2018.txt"

    /// The report ships as a resource beside the executable; in a checkout it is also
    /// found in the sources. (`Bundle.module` would stop the program if it were missing.)
    public static func seedReport() throws -> Data {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("stoplicht_Stoplicht.resources").appendingPathComponent(fileName),
            Bundle.main.bundleURL.appendingPathComponent("stoplicht_Stoplicht.resources/Contents/Resources").appendingPathComponent(fileName),
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(fileName),
        ]
        for url in candidates {
            if let data = try? Data(contentsOf: url) { return data }
        }
        throw InputError("De demorapportage \(fileName) ontbreekt: zet de map stoplicht_Stoplicht.resources naast het programma, of start de demo vanuit de broncode met `swift run stoplicht demo`.")
    }
}
