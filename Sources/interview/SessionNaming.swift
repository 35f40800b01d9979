import ArgumentParser
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// A new session file in the sessions folder for `engine`'s session, named as config.toml's
/// `file_names` says: by the date and the candidate (`candidate`, the default), or by the
/// date and the session's short id (`id`), or exit 1 saying why there can be none.
func newSessionFile(_ store: SessionStore, for engine: SessionEngine, candidate: String, startedAt: Date) throws -> URL {
    let config = try Defaults.config()
    do {
        return try makeSessionFile(store, config: config, for: engine, candidate: candidate, startedAt: startedAt)
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// The same, with config.toml read already, saying why there can be none by throwing.
func makeSessionFile(_ store: SessionStore, config: Config, for engine: SessionEngine, candidate: String,
                     startedAt: Date) throws(SessionStore.WriteError) -> URL {
    try store.createNewFile(candidate: candidate, startedAt: startedAt, id: config.fileNames == .id ? engine.file.id : nil)
}
