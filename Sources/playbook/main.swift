import PlaybookCLI
PlaybookCommand.main()
