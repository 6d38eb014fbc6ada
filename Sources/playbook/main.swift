// playbook: the executable, a thin call of `PlaybookCommand.main()` (PlaybookCLI), which runs the
// command line with the process's folder, environment and streams and exits with its status.
import PlaybookCLI

PlaybookCommand.main()
