# The bot, whatever the command: its apology when something fails on its side.
bot-sorry = 😕 Sorry, something went wrong on my side. Please try again in a moment.
