bot-sorry = 😕 Maaf, ada yang salah di pihak saya. Silakan coba lagi sebentar lagi.
