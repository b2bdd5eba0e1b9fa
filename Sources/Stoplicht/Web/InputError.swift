import Vapor

/// Input the user can put right — a file, an option, a choice — with a Dutch message
/// saying what and where. On the web it is a 422 page; on the command line the message.
struct InputError: AbortError, CustomStringConvertible, Equatable {
    var message: String
    var status: HTTPResponseStatus
    /// The field the message is about, where a form has one: "bedrag", "project".
    var field: String?

    init(_ message: String, status: HTTPResponseStatus = .unprocessableEntity, field: String? = nil) {
        self.message = message
        self.status = status
        self.field = field
    }

    var reason: String { message }
    var description: String { message }
}
