app-name = Televent
