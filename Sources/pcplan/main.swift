import PCCommands

PCPlanCommand.main()
