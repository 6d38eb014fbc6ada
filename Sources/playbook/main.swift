import PlaybookCLI

PlaybookCommand.main()
