/// One thing the link policy objects to, before it is placed in a file.
struct Finding: Sendable, Equatable {
    var code: String
    var message: String
    var url: String?
}
