import Vapor

/// Input the user can put right — a file, an option, a choice — with a Dutch message
/// saying what and where. On the web it is a 422 page; on the command line the message.
struct InputError: AbortError, CustomStringConvertible, Equatable {
    var message: String
    var status: HTTPResponseStatus

    init(_ message: String, status: HTTPResponseStatus = .unprocessableEntity) {
        self.message = message
        self.status = status
    }

    var reason: String { message }
    var description: String { message }
}
