import Foundation

/// The demo programme: Woudenberg's progress report "Dienstverlening", June–October 2018,
/// the report the product was designed from.
public enum DemoData {
    public static let organisation = "Gemeente Woudenberg"
    static let fileName = "woudenberg-dienstverlening-2018.txt"

    /// The report ships as a resource beside the executable (`BundledResource`).
    public static func seedReport() throws -> Data {
        if let data = BundledResource.data(fileName, source: #filePath) { return data }
        throw InputError(
            "De demorapportage \(fileName) ontbreekt: zet de map stoplicht_Stoplicht.resources naast het programma, of start de demo vanuit de broncode met `swift run stoplicht demo`."
        )
    }
}
