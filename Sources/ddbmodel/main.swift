import DDBModelCommands

DDBModel.main()
