import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

/// A bank or theme that config.toml names and that does not exist is config.toml's
/// mistake: said at the value's place in it, not as if the name were a file.
@Suite struct ConfigPlaceTests {
    static func config(_ text: String) throws -> Config {
        try Config.parse(text, file: "/home/ada/.config/interview/config.toml",
                         folder: URL(fileURLWithPath: "/home/ada/.config/interview"), home: URL(fileURLWithPath: "/home/ada"))
    }

    @Test func aValueThatNamesNothingIsSaidAtItsPlace() throws {
        let config = try Self.config("# mine\ninterviewer = \"Ada\"\n  theme = \"ligth\"\n")
        let missing = InputError(file: "ligth", line: 1, column: 1, message: "no such theme")
        let said = config.error(at: "theme", missing, value: "ligth")
        #expect(said.description == "/home/ada/.config/interview/config.toml:3:11: theme \"ligth\": no such theme")
    }

    @Test func anErrorInsideTheFileItNamesStaysThere() throws {
        let theme = FileManager.default.temporaryDirectory.appendingPathComponent("mine-\(UUID().uuidString).toml")
        try Data("colour = 1\n".utf8).write(to: theme)
        defer { try? FileManager.default.removeItem(at: theme) }
        let config = try Self.config("theme = \"\(theme.path)\"\n")
        let inside = InputError(file: theme.path, line: 1, column: 1, message: "unknown key")
        #expect(config.error(at: "theme", inside, value: theme.path) == inside)
    }

    @Test func withoutConfigTomlTheErrorIsAsItWas() {
        let missing = InputError(file: "ligth", line: 1, column: 1, message: "no such theme")
        #expect(Config().error(at: "theme", missing, value: "ligth") == missing)
    }
}
