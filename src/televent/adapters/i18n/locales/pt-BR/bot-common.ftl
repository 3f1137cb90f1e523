bot-sorry = 😕 Desculpe, algo deu errado do meu lado. Tente de novo daqui a pouco.
