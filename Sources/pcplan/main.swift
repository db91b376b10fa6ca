import PCCommands

PCPlanCommand.runAsProcess()
