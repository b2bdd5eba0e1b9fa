import Foundation

/// The files Stoplicht ships beside its executable (`stoplicht_Stoplicht.resources`, made
/// by `swift build`): the demo report and the stylesheet. In a checkout they are also found
/// in the sources, so a binary run from elsewhere still finds them there.
/// (`Bundle.module` would stop the program if the folder were missing.)
enum BundledResource {
    /// `source`: the `#filePath` of a file in the resource's source folder.
    static func data(_ name: String, source: String) -> Data? {
        let resources = Bundle.main.bundleURL.appendingPathComponent("stoplicht_Stoplicht.resources")
        let candidates = [
            resources.appendingPathComponent(name),
            resources.appendingPathComponent("Contents/Resources").appendingPathComponent(name),
            URL(fileURLWithPath: source).deletingLastPathComponent().appendingPathComponent(name),
        ]
        return candidates.lazy.compactMap { try? Data(contentsOf: $0) }.first
    }
}
