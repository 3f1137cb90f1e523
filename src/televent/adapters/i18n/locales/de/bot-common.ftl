bot-sorry = 😕 Entschuldige, bei mir ist etwas schiefgegangen. Bitte versuche es gleich noch einmal.
