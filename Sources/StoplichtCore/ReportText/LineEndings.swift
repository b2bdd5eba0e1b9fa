import Foundation

/// Text as it arrives — a browser's textarea (CRLF), an old Mac file (CR), an API client,
/// a file on disk — with its line ends made "\n". In Swift "\r\n" is one Character, so
/// text split on "\n" without this reads a typed list as one line.
public enum LineEndings {
    /// "\r\n" and a lone "\r" become "\n".
    public static func normalised(_ text: String) -> String {
        guard text.contains(where: { $0 == "\r\n" || $0 == "\r" }) else { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// The lines of a text, whatever its line ends; empty lines kept, so line numbers count.
    public static func lines(_ text: String) -> [Substring] {
        text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }
}
