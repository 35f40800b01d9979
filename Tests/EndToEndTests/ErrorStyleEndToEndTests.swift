import Foundation
import Testing

/// One style for every error: `interview: FILE:LINE:COL: message` for a place in a file,
/// `interview: FILE: message` for a whole file (no made-up 1:1), `interview: --option:
/// message` for an option, the place in config.toml when its value
/// is what is wrong, and the closest bank names wherever a bank is taken.
@Suite("Error style")
struct ErrorStyleEndToEndTests {
    @Test func usageErrorsHaveNoSecondPrefix() throws {
        for arguments in [["report"], ["--bogus"], ["replay"]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("interview: "), "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Error:"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func anOptionIsNamedWithoutAPseudoPlace() throws {
        let result = try Binary.run(["import", "--duration", "soon", "-"], input: "1. Q?\nA.\n")
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("interview: --duration: bad duration 'soon'"), "\(result.stderr)")
    }

    @Test func aWholeFileProblemHasNoMadeUpPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("whole-file-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let missing = folder.appendingPathComponent("nosuch.json").path
        let environment = ["XDG_DATA_HOME": folder.path, "XDG_CONFIG_HOME": folder.path]
        for (arguments, said) in [(["report", missing], "\(missing): no such file: expected a session file"),
                                  (["validate", folder.path + "/nosuch.md"], "\(folder.path)/nosuch.md: no such file or bank"),
                                  (["import", folder.path], "\(folder.path): is a folder")] {
            let result = try Binary.run(arguments, environment: environment)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.hasPrefix("interview: \(said)"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aMistypedBankGetsTheClosestNameWhereverABankIsTaken() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("did-you-mean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for arguments in [["run", "machine-lerning"], ["practice", "machine-lerning"], ["validate", "machine-lerning"],
                          ["new", folder.appendingPathComponent("x.md").path, "--from", "machine-lerning"]] {
            let result = try Binary.run(arguments, environment: ["XDG_DATA_HOME": folder.path, "XDG_CONFIG_HOME": folder.path])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("machine-lerning: no such file or bank: did you mean 'machine-learning'?"),
                    "\(arguments): \(result.stderr)")
        }
    }

    @Test func aBadBankOrThemeInConfigTomlIsSaidThere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-place-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("interview/config.toml")
        try FileManager.default.createDirectory(at: config.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("# mine\nbank = \"machine-lerning\"\ntheme = \"ligth\"\n".utf8).write(to: config)
        let environment = ["XDG_CONFIG_HOME": folder.path, "XDG_DATA_HOME": folder.path]
        let bank = try Binary.run(["run", "--theme", "light"], environment: environment)
        #expect(bank.status == 2)
        #expect(bank.stderr == "interview: \(config.path):2:8: bank \"machine-lerning\": no such file or bank: did you mean 'machine-learning'?\n",
                "\(bank.stderr)")
        let theme = try Binary.run(["practice", "machine-learning"], environment: environment)
        #expect(theme.status == 2)
        #expect(theme.stderr.hasPrefix("interview: \(config.path):3:9: theme \"ligth\": "), "\(theme.stderr)")
        // Named on the command line, the value is the command line's.
        let given = try Binary.run(["practice", "machine-learning", "--theme", "ligth"], environment: environment)
        #expect(given.stderr.hasPrefix("interview: ligth: "), "\(given.stderr)")
    }

    /// `run` reads its bank on another thread while it reads its theme: the problems are
    /// still said one at a time, in the order they always were (bank, duration, theme).
    @Test func runSaysTheBanksProblemBeforeTheDurationsAndTheThemes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("run-order-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let environment = ["XDG_CONFIG_HOME": folder.path, "XDG_DATA_HOME": folder.path]
        let all = try Binary.run(["run", "machine-lerning", "--duration", "soon", "--theme", "ligth"], environment: environment)
        #expect(all.status == 2)
        #expect(all.stderr == "interview: machine-lerning: no such file or bank: did you mean 'machine-learning'?\n", "\(all.stderr)")
        let durationAndTheme = try Binary.run(["run", "machine-learning", "--duration", "soon", "--theme", "ligth"], environment: environment)
        #expect(durationAndTheme.status == 2)
        #expect(durationAndTheme.stderr.hasPrefix("interview: --duration: bad duration 'soon'"), "\(durationAndTheme.stderr)")
        #expect(durationAndTheme.stderr.split(separator: "\n").count == 1, "\(durationAndTheme.stderr)")
        let theme = try Binary.run(["run", "machine-learning", "--theme", "ligth"], environment: environment)
        #expect(theme.status == 2)
        #expect(theme.stderr.hasPrefix("interview: ligth: "), "\(theme.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("interview/sessions").path))
    }
}
