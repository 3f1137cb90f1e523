bot-sorry = 😕 Lo siento, algo falló de mi lado. Inténtalo de nuevo en un momento.
