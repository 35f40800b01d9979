import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// What a command takes when its command line leaves something out: config.toml's value
/// (`Config`), else the built-in default. The command line always wins.
enum Defaults {
    /// config.toml, or exit 2 at the place of its first mistake.
    static func config() throws -> Config {
        do {
            return try Config.load()
        } catch {
            throw exitWithInputError(error)
        }
    }

    /// The bank named on the command line, else config.toml's `bank`, else the built-in one.
    static func bank(_ given: String?, config: Config? = nil) throws -> Bank {
        let config = try config ?? self.config()
        return try loadBank(given, config: config).valueOrExit()
    }

    /// The bank `bank` would give, or its problem, said by no one yet (a thread of its own reads it for `run`).
    static func loadBank(_ given: String?, config: Config) -> Result<Bank, InputError> {
        let reference = config.bankName(given: given)
        do throws(InputError) {
            return .success(try BankLoader.load(reference, config: config))
        } catch {
            return .failure(given == nil ? config.error(at: "bank", error, value: reference) : error)
        }
    }

    /// For `--help` (and the man page, which a blank line here would break): where the defaults come from.
    static let discussion = """
        Defaults come from $XDG_CONFIG_HOME/interview/config.toml (by default \
        ~/.config/interview/config.toml), and the command line wins over them: interviewer \
        (run --interviewer, else $USER), bank (the bank of run and practice when none is named, \
        else machine-learning), duration (run --duration, else the bank's), theme (--theme, \
        else default), banks, a list of folders of banks to find by name (see `interview banks --help`), \
        retention, how long sessions are kept (see `interview purge --help`), and file_names, "id" to \
        name new session files by their id instead of the candidate.
        """

    /// For `interview banks --help`: how a name is found.
    static let lookup = """
        A bank's name is the name of a file NAME.md in $XDG_DATA_HOME/interview/banks/ (by default \
        ~/.local/share/interview/banks/), else in each folder of `banks = [...]` in config.toml, in its \
        order, else of a built-in bank. A file takes the place of a built-in bank of its name; one name \
        in two files is an error that names both. README.md and hidden files are not banks.
        """
}
